using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.ImportCsv;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxRows = 200_000;

    [BindFrom("file")] public IFormFile? File { get; init; }
    [HideFromDocs] public long StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.File).NotNull().WithMessage("a CSV file is required");
            RuleFor(r => r.File!.Length).LessThanOrEqualTo(MaxBytes).When(r => r.File is not null).WithName("file").WithMessage("The file is larger than 20 MB");
        }
    }
}

sealed record LineError(int Line, string Error);

/// <param name="DoNotCall">Created customers flagged do-not-call because their phone is on the do-not-call list.</param>
sealed record Response(bool Success, int TotalRows, int Created, int Skipped, int DoNotCall, List<LineError> Errors);
