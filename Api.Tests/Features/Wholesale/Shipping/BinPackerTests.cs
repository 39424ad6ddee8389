using Api.Features.Wholesale.ShippingBoxes;

namespace Api.Tests.Features.Wholesale.Shipping;

/// <summary>The packer on hand-built cases with known optimal answers, and a property test over random orders.</summary>
public sealed class BinPackerTests
{
    static PackItem Item(double l, double w, double h, double lb = 1, long id = 1) => new(id, $"SKU-{id}", $"Item {id}", l, w, h, lb, 1);
    static readonly BoxType Small = new("Small", 8, 6, 4, 20, 0.85m), Cube = new("Cube", 12, 12, 12, 25, 1.5m), Big = new("Big", 18, 18, 18, 30, 3m);

    [Fact]
    public void Eight_six_inch_cubes_fill_one_twelve_inch_cube_exactly()
    {
        var plan = BinPacker.Pack(Enumerable.Range(0, 8).Select(_ => Item(6, 6, 6)).ToList(), [Small, Cube, Big]);
        var box = Assert.Single(plan);
        Assert.Equal("Cube", box.Box!.Name);
        Assert.Equal(8, box.Placements.Count);
    }

    [Fact]
    public void Nine_cubes_take_the_one_big_box_rather_than_two()
    {
        var plan = BinPacker.Pack(Enumerable.Range(0, 9).Select(_ => Item(6, 6, 6)).ToList(), [Small, Cube, Big]);
        Assert.Equal("Big", Assert.Single(plan).Box!.Name);
    }

    [Fact]
    public void Two_cubes_go_in_one_long_box_not_two_cubes()
    {
        var longBox = new BoxType("Long", 20, 10, 10, 50, 2m);
        var plan = BinPacker.Pack([Item(10, 10, 10, id: 1), Item(10, 10, 10, id: 2)], [new BoxType("Ten", 12, 12, 12, 50, 1m), longBox]);
        Assert.Equal("Long", Assert.Single(plan).Box!.Name);
    }

    [Fact]
    public void A_rod_is_stood_up_to_fit()
    {
        var plan = BinPacker.Pack([Item(10, 2, 2)], [new BoxType("Tube", 4, 4, 11, 10, 1m)]);
        var p = Assert.Single(Assert.Single(plan).Placements);
        Assert.Equal(10, p.Height);
    }

    [Fact]
    public void Weight_limits_split_the_load_into_the_fewest_boxes()
    {
        var plan = BinPacker.Pack(Enumerable.Range(0, 4).Select(i => Item(4, 4, 4, 10, i)).ToList(), [Cube, Big]);
        Assert.Equal(2, plan.Count);
        Assert.All(plan, b => Assert.True(b.WeightLb <= b.Box!.MaxWeightLb));
        Assert.Equal(4, plan.Sum(b => b.Placements.Count));
    }

    [Fact]
    public void The_smallest_box_that_holds_everything_is_chosen()
    {
        var plan = BinPacker.Pack([Item(5, 3, 2), Item(3, 3, 2)], [Big, Cube, Small]);
        Assert.Equal("Small", Assert.Single(plan).Box!.Name);
    }

    [Fact]
    public void Oversize_and_overweight_items_ship_alone_and_the_plan_says_so()
    {
        var plan = BinPacker.Pack([Item(40, 5, 5, 2, 1), Item(5, 5, 5, 100, 2), Item(4, 4, 4, 1, 3)], [Small, Cube, Big]);
        Assert.Equal(3, plan.Count);
        var alone = plan.Where(b => b.Oversize).ToList();
        Assert.Equal([1L, 2L], alone.Select(b => b.Placements.Single().Item.ProductId).Order());
        Assert.All(alone, b => Assert.Contains("ships alone", b.Note));
        Assert.Equal("Small", plan.Single(b => !b.Oversize).Box!.Name);
    }

    [Fact]
    public void Random_orders_keep_every_rule_and_the_same_input_gives_the_same_plan()
    {
        var rng = new Random(20261205);
        var catalog = ShippingOptions.DefaultBoxes;
        for (var trial = 0; trial < 150; trial++)
        {
            var items = Enumerable.Range(0, rng.Next(1, 40)).Select(i => new PackItem(rng.Next(1, 6), null, $"p{i}",
                Math.Round(1 + rng.NextDouble() * (trial % 10 == 0 ? 35 : 15), 1), Math.Round(1 + rng.NextDouble() * 12, 1),
                Math.Round(1 + rng.NextDouble() * 10, 1), Math.Round(rng.NextDouble() * (trial % 7 == 0 ? 80 : 12), 2), 1)).ToList();
            var plan = BinPacker.Pack(items, catalog);

            // every unit placed exactly once
            var placed = plan.SelectMany(b => b.Placements).Select(p => p.Item).ToList();
            Assert.Equal(items.Count, placed.Count);
            Assert.Equal(items.Count, placed.Distinct(ReferenceEqualityComparer.Instance).Count());
            Assert.All(items, i => Assert.Contains(i, placed));
            foreach (var box in plan)
            {
                if (box.Oversize)
                {
                    var only = Assert.Single(box.Placements).Item;
                    Assert.DoesNotContain(catalog, b => only.WeightLb <= b.MaxWeightLb && Fits(only, b));
                    continue;
                }
                var b = box.Box!;
                Assert.True(box.WeightLb <= b.MaxWeightLb + 1e-9, "weight kept");
                foreach (var p in box.Placements)
                {
                    Assert.True(p.X >= 0 && p.Y >= 0 && p.Z >= 0 && p.X + p.Length <= b.Length + 1e-9 && p.Y + p.Width <= b.Width + 1e-9 && p.Z + p.Height <= b.Height + 1e-9, "inside the box");
                    Assert.Equal(new[] { p.Item.Length, p.Item.Width, p.Item.Height }.Order(), new[] { p.Length, p.Width, p.Height }.Order());
                }
                for (var i = 0; i < box.Placements.Count; i++)
                    for (var j = i + 1; j < box.Placements.Count; j++)
                    {
                        var (a, c) = (box.Placements[i], box.Placements[j]);
                        var overlap = a.X < c.X + c.Length - 1e-9 && c.X < a.X + a.Length - 1e-9 && a.Y < c.Y + c.Width - 1e-9 && c.Y < a.Y + a.Width - 1e-9
                                      && a.Z < c.Z + c.Height - 1e-9 && c.Z < a.Z + a.Height - 1e-9;
                        Assert.False(overlap, $"trial {trial}: placements {i} and {j} overlap");
                    }
            }
            // a lower bound on the number of boxes: total volume / largest box
            var packable = items.Where(i => catalog.Any(b => i.WeightLb <= b.MaxWeightLb && Fits(i, b))).ToList();
            Assert.True(plan.Count(b => !b.Oversize) >= Math.Ceiling(packable.Sum(i => i.Volume) / catalog.Max(b => b.Volume) - 1e-9));

            var again = BinPacker.Pack(items.ToList(), catalog);
            Assert.Equal(Describe(plan), Describe(again));
        }
    }

    static bool Fits(PackItem i, BoxType b)
    {
        double[] d = [i.Length, i.Width, i.Height], s = [b.Length, b.Width, b.Height];
        Array.Sort(d); Array.Sort(s);
        return d[0] <= s[0] && d[1] <= s[1] && d[2] <= s[2];
    }

    static string Describe(List<PackedBox> plan) => string.Join("|", plan.Select(b => (b.Box?.Name ?? "alone") + ":" +
        string.Join(";", b.Placements.Select(p => $"{p.Item.Name}@{p.X},{p.Y},{p.Z}/{p.Length}x{p.Width}x{p.Height}"))));
}
