using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Invoices.ListInvoices;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public long? CustomerId { get; init; }
    [QueryParam] public int? Limit { get; init; }
    [QueryParam] public int? Offset { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).Must(s => s is null || InvoiceKit.States.Contains(s)).WithMessage("status is draft, sent, paid, overdue or void");
            RuleFor(r => r.Limit).InclusiveBetween(1, 500);
            RuleFor(r => r.Offset).InclusiveBetween(0, 1_000_000);
            RuleFor(r => r.CustomerId).GreaterThan(0);
        }
    }
}
