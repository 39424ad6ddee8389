using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.SearchProducts;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam] public string? Q { get; init; }
    [QueryParam] public int? Limit { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Q).MaximumLength(200);
            RuleFor(r => r.Limit).InclusiveBetween(1, 100);
        }
    }
}

sealed record Response(List<ProductHit> Products);

sealed record ProductHit
{
    public long Id { get; init; }
    public string Sku { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Brand { get; init; }
    public string? UnitSize { get; init; }
    public decimal? BoxLengthIn { get; init; }
    public decimal? BoxWidthIn { get; init; }
    public decimal? BoxHeightIn { get; init; }
    public decimal? WeightLb { get; init; }
    public int RuleCount { get; init; }
}
