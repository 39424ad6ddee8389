using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Invoices.CustomerInvoices;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public long CustomerId { get; init; }
    [QueryParam] public int? Limit { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CustomerId).GreaterThan(0);
            RuleFor(r => r.Limit).InclusiveBetween(1, 500);
        }
    }
}
