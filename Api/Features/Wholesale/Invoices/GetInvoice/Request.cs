using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Invoices.GetInvoice;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public long InvoiceId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.InvoiceId).GreaterThan(0);
    }
}
