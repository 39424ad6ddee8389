using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.UploadTranscript;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? Transcript { get; init; }
    public string? CallId { get; init; }
    public string? Phone { get; init; }
    public string Extension { get; init; } = "txt";
    public string? Problem { get; init; }
    public string ProblemField { get; init; } = "body";
    public string BaseUrl { get; init; } = "";
}
