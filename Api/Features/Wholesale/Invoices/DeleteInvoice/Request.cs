using System.Text.Json;
using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Invoices.DeleteInvoice;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public long InvoiceId { get; init; }
    [JsonIgnore] public string Actor { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.InvoiceId).GreaterThan(0);
    }
}
