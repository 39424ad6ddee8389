using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesImport.ImportTransactions;

/// <summary>multipart/form-data with <c>file</c>: a CSV shaped like /api/sales/import-template.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("file")] public IFormFile? File { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.File).NotNull().WithMessage("a CSV file is required");
            RuleFor(r => r.File!.Length).GreaterThan(0).OverridePropertyName("file").WithMessage("the file is empty").When(r => r.File is not null);
            RuleFor(r => r.File!.Length).LessThanOrEqualTo(Handler.MaxBytes).OverridePropertyName("file")
                .WithMessage("the file is over 100 MB; split it").When(r => r.File is not null);
        }
    }
}

sealed record Response(bool Success, long JobId, string Message);
