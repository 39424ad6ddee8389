using Api.Features.Wholesale.Common;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Payments.UploadCheck;

enum UploadProblem { None, TooLarge, Malformed }

sealed record Upload(byte[] Bytes, string? FileName);

/// <summary>The multipart form as read by the endpoint (files as bytes; the handler validates every field).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public const long MaxFileBytes = 10L * 1024 * 1024;
    public UploadProblem Problem { get; init; }
    public string? OrderNumber { get; init; }
    /// <summary><c>check_front</c>, or the legacy <c>check_image</c>.</summary>
    public Upload? Front { get; init; }
    public Upload? Back { get; init; }
    /// <summary>A signed single-use upload link's token (form field or query <c>token</c>) for callers who are not staff.</summary>
    public string? Token { get; init; }
    /// <summary>Signed-in staff, or null.</summary>
    public Caller? Staff { get; init; }
}

/// <summary>The document's fields: success, message, front_filename, back_filename (the names the images are stored under).</summary>
sealed record Response(bool Success, string Message, string FrontFilename, string? BackFilename);
