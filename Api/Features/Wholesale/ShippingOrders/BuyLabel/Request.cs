using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingOrders.BuyLabel;

/// <summary>
/// EasyPost's shapes: addresses (<c>street1</c>, <c>city</c>, <c>state</c>, <c>zip</c>, <c>country</c>...), parcels in inches
/// and ounces (1 to <see cref="MaxParcels"/>; several become one EasyPost order), <c>customs_info</c> passed through as
/// EasyPost's object, <c>insurance</c> in dollars.
/// </summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxParcels = 20;
    [BindFrom("order_number")] public string OrderNumber { get; init; } = "";
    public string? Carrier { get; init; }
    public string? Service { get; init; }
    public Address? FromAddress { get; init; }
    public Address? ToAddress { get; init; }
    public List<Parcel>? Parcels { get; init; }
    public JsonObject? CustomsInfo { get; init; }
    public decimal? Insurance { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public sealed record Address
    {
        public string? Name { get; init; }
        public string? Company { get; init; }
        public string? Street1 { get; init; }
        public string? Street2 { get; init; }
        public string? City { get; init; }
        public string? State { get; init; }
        public string? Zip { get; init; }
        public string? Country { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
    }

    public sealed record Parcel
    {
        public decimal? Length { get; init; }
        public decimal? Width { get; init; }
        public decimal? Height { get; init; }
        /// <summary>Ounces, as EasyPost takes it.</summary>
        public decimal? Weight { get; init; }
        public string? PredefinedPackage { get; init; }
    }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Carrier).NotEmpty().MaximumLength(50);
            RuleFor(r => r.Service).NotEmpty().MaximumLength(80);
            RuleFor(r => r.FromAddress).NotNull().SetValidator(new AddressValidator()!);
            RuleFor(r => r.ToAddress).NotNull().SetValidator(new AddressValidator()!);
            RuleFor(r => r.Parcels).NotEmpty().Must(p => p is null || p.Count <= MaxParcels).WithMessage($"at most {MaxParcels} parcels");
            RuleForEach(r => r.Parcels).ChildRules(p =>
            {
                p.RuleFor(x => x.Weight).NotNull().GreaterThan(0).LessThanOrEqualTo(2400).WithMessage("weight (ounces) must be above 0 and at most 2400");
                p.RuleFor(x => x.Length).GreaterThan(0).LessThanOrEqualTo(120);
                p.RuleFor(x => x.Width).GreaterThan(0).LessThanOrEqualTo(120);
                p.RuleFor(x => x.Height).GreaterThan(0).LessThanOrEqualTo(120);
                p.RuleFor(x => x).Must(x => x.PredefinedPackage is not null || (x.Length is not null && x.Width is not null && x.Height is not null))
                    .WithName("dimensions").WithMessage("length, width and height are required unless predefined_package is given");
            });
            RuleFor(r => r.Insurance).GreaterThanOrEqualTo(0).LessThanOrEqualTo(50_000)
                .Must(i => i is null || decimal.Round(i.Value, 2) == i.Value).WithMessage("insurance has at most two decimals");
        }
    }

    sealed class AddressValidator : AbstractValidator<Address>
    {
        public AddressValidator()
        {
            RuleFor(a => a.Street1).NotEmpty().MaximumLength(200);
            RuleFor(a => a.City).NotEmpty().MaximumLength(100);
            RuleFor(a => a.Zip).NotEmpty().MaximumLength(20);
            RuleFor(a => a).Must(a => !string.IsNullOrWhiteSpace(a.Name) || !string.IsNullOrWhiteSpace(a.Company))
                .WithName("name").WithMessage("name or company is required");
        }
    }
}

sealed record Response(string? LabelUrl, string? TrackingNum, string Carrier, string Service, decimal Rate, string? ShipmentId,
    string? TrackerId, long LabelId, string Provider, string OrderStatus, List<LabelView> Labels);
