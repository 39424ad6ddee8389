using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Invoices.InvoicePdf;

sealed record Request : IRequest<ErrorOr<Pdf>>
{
    public long InvoiceId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.InvoiceId).GreaterThan(0);
    }
}

sealed record Pdf(byte[] Bytes, string FileName);
