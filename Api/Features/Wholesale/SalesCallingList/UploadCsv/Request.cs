using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.UploadCsv;

/// <summary>multipart/form-data with <c>file</c>: a CSV with a header row (phone required; see docs/wholesale.md for the columns).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("file")] public IFormFile? File { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.File).NotNull().WithMessage("a CSV file is required");
            RuleFor(r => r.File!.Length).LessThanOrEqualTo(Handler.MaxBytes).OverridePropertyName("file").WithMessage("the file is over 10 MB")
                .When(r => r.File is not null);
        }
    }
}

sealed record Response(bool Success, int Created, int Skipped, int Dupes, int DoNotCall, IReadOnlyList<LineError> Errors);

sealed record LineError(int Line, string Error);
