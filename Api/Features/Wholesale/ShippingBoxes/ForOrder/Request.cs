using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.ShippingBoxes.ForOrder;

/// <summary>1 to <see cref="MaxLines"/> lines (<c>product_id</c>, <c>quantity</c> 1 to 10,000); at most <see cref="MaxPieces"/> pieces to pack.</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    public const int MaxLines = 200;
    public const int MaxPieces = 2_000;
    public List<Line>? Items { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    public sealed record Line
    {
        public long? ProductId { get; init; }
        public int? Quantity { get; init; }
    }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Items).NotEmpty().Must(i => i is null || i.Count <= MaxLines).WithMessage($"at most {MaxLines} lines");
            RuleForEach(r => r.Items).ChildRules(l =>
            {
                l.RuleFor(x => x.ProductId).NotNull().GreaterThan(0);
                l.RuleFor(x => x.Quantity).NotNull().InclusiveBetween(1, 10_000);
            });
        }
    }
}

sealed record Response(List<BoxRule> Rules, Plan Packing);

sealed record Plan(int BoxCount, decimal TotalBoxCost, double TotalWeightLb, bool HasOversize, List<PlanBox> Boxes, List<Unpacked> Unpacked, string Catalog);

sealed record PlanBox(string BoxName, double LengthIn, double WidthIn, double HeightIn, double? MaxWeightLb, decimal Cost, bool Oversize,
    string? Note, double WeightLb, double FillPct, List<PlanItem> Items);

sealed record PlanItem(long ProductId, string? Sku, string Name, int Units, bool Carton, double X, double Y, double Z,
    double LengthIn, double WidthIn, double HeightIn, double WeightLb);

sealed record Unpacked(long ProductId, string? Sku, string Name, int Quantity, string Reason);
