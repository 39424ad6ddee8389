using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.CreateSupplier;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Name { get; init; }
    public string? NameCn { get; init; }
    public string? Platform { get; init; }
    public string? Location { get; init; }
    public string? ContactName { get; init; }
    public string? ContactWechat { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public List<string>? ProductCategories { get; init; }
    public int? Rating { get; init; }
    public int? LeadTimeDays { get; init; }
    public string? MoqNotes { get; init; }
    public string? PaymentTerms { get; init; }
    public bool? IsActive { get; init; }
    public string? Notes { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Required").Text(200);
            RuleFor(r => r).Custom((r, ctx) => SupplierFields.Check(r.NameCn, r.Platform, r.Location, r.ContactName, r.ContactWechat,
                r.ContactEmail, r.ContactPhone, r.ProductCategories, r.Rating, r.LeadTimeDays, r.MoqNotes, r.PaymentTerms, r.Notes, ctx));
        }
    }
}

sealed record Response(bool Success, SupplierRow Supplier);
