namespace Api.Features.Wholesale.ShippingBoxes;

/// <summary>A shipping box of the catalog: inner dimensions (inches), the heaviest load it takes (lb) and what it costs.</summary>
public sealed record BoxType(string Name, double Length, double Width, double Height, double MaxWeightLb, decimal Cost)
{
    public double Volume => Length * Width * Height;
}

/// <summary>One physical thing to pack: a unit of a product, or a rule's carton of <see cref="Units"/> units.</summary>
public sealed record PackItem(long ProductId, string? Sku, string Name, double Length, double Width, double Height, double WeightLb, int Units)
{
    public double Volume => Length * Width * Height;
}

public sealed record Placement(PackItem Item, double X, double Y, double Z, double Length, double Width, double Height);

/// <summary>A packed box; <see cref="Box"/> null = an oversize item shipping alone in its own packaging.</summary>
public sealed record PackedBox(BoxType? Box, IReadOnlyList<Placement> Placements, string? Note)
{
    public bool Oversize => Box is null;
    public double WeightLb => Placements.Sum(p => p.Item.WeightLb);
    public double ItemVolume => Placements.Sum(p => p.Item.Volume);
}

/// <summary>
/// 3D bin packing with extreme points (Crainic, Perboli and Tadei): items largest first (volume, then longest side, then
/// weight, then product id), each put at the first extreme point (lowest z, then y, then x) where one of its six
/// orientations fits inside the box without overlapping anything and within the box's weight limit. Boxes are chosen to
/// need as few as possible, then the least volume: while items remain, the smallest box that takes all of them is used,
/// else the largest box is filled; then every box is shrunk to the smallest type its contents still fit. Items that fit no
/// box (size or weight) ship alone and the plan says so. Pure and deterministic: same input, same plan.
/// </summary>
public static class BinPacker
{
    const double Eps = 1e-9;

    public static List<PackedBox> Pack(IReadOnlyList<PackItem> items, IReadOnlyList<BoxType> catalog)
    {
        var boxes = catalog.Where(b => b.Length > 0 && b.Width > 0 && b.Height > 0 && b.MaxWeightLb > 0)
            .OrderBy(b => b.Volume).ThenBy(b => b.MaxWeightLb).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
        var sorted = items.OrderByDescending(i => i.Volume).ThenByDescending(i => Math.Max(i.Length, Math.Max(i.Width, i.Height)))
            .ThenByDescending(i => i.WeightLb).ThenBy(i => i.ProductId).ThenBy(i => i.Units).ToList();
        var result = new List<PackedBox>();
        var remaining = new List<PackItem>();
        foreach (var item in sorted)
        {
            if (boxes.Any(b => FitsAlone(item, b))) remaining.Add(item);
            else result.Add(new PackedBox(null, [new Placement(item, 0, 0, 0, item.Length, item.Width, item.Height)],
                $"{item.Name} ({item.Length:0.##}×{item.Width:0.##}×{item.Height:0.##} in, {item.WeightLb:0.##} lb) is larger or heavier than every box in the catalog; it ships alone in its own packaging"));
        }
        var packed = new List<PackedBox>();
        while (remaining.Count > 0)
        {
            var volume = remaining.Sum(i => i.Volume);
            var weight = remaining.Sum(i => i.WeightLb);
            PackedBox? chosen = null;
            foreach (var box in boxes.Where(b => b.Volume + Eps >= volume && b.MaxWeightLb + Eps >= weight))
            {
                var placed = Fill(box, remaining);
                if (placed.Count == remaining.Count) { chosen = new PackedBox(box, placed, null); break; }
            }
            if (chosen is null)
            {
                // no single box takes everything: fill the box that holds the most (by item volume), larger boxes first on ties
                foreach (var box in boxes.AsEnumerable().Reverse())
                {
                    var placed = Fill(box, remaining);
                    if (placed.Count == 0) continue;
                    var candidate = new PackedBox(box, placed, null);
                    if (chosen is null || candidate.ItemVolume > chosen.ItemVolume + Eps) chosen = candidate;
                }
            }
            if (chosen is null) break;   // cannot happen: every remaining item fits some box alone
            var used = new HashSet<PackItem>(ReferenceEqualityComparer.Instance);
            foreach (var p in chosen.Placements) used.Add(p.Item);
            remaining = remaining.Where(i => !used.Contains(i)).ToList();
            packed.Add(chosen);
        }
        // shrink each box to the smallest type that still takes its contents
        for (var k = 0; k < packed.Count; k++)
        {
            var contents = packed[k].Placements.Select(p => p.Item).ToList();
            var volume = contents.Sum(i => i.Volume);
            var weight = contents.Sum(i => i.WeightLb);
            foreach (var box in boxes.Where(b => b.Volume < packed[k].Box!.Volume - Eps && b.Volume + Eps >= volume && b.MaxWeightLb + Eps >= weight))
            {
                var placed = Fill(box, contents);
                if (placed.Count == contents.Count) { packed[k] = new PackedBox(box, placed, null); break; }
            }
        }
        result.InsertRange(0, packed);
        return result;
    }

    static bool FitsAlone(PackItem i, BoxType b) =>
        i.WeightLb <= b.MaxWeightLb + Eps && Orientations(i).Any(o => o.L <= b.Length + Eps && o.W <= b.Width + Eps && o.H <= b.Height + Eps);

    /// <summary>The distinct orientations of an item, in a fixed order.</summary>
    static IEnumerable<(double L, double W, double H)> Orientations(PackItem i)
    {
        var seen = new HashSet<(double, double, double)>();
        foreach (var o in new[] { (i.Length, i.Width, i.Height), (i.Width, i.Length, i.Height), (i.Length, i.Height, i.Width),
                     (i.Height, i.Length, i.Width), (i.Width, i.Height, i.Length), (i.Height, i.Width, i.Length) })
            if (seen.Add(o)) yield return o;
    }

    /// <summary>Places what it can of <paramref name="items"/> (in their order) into one box of the given type.</summary>
    public static List<Placement> Fill(BoxType box, IReadOnlyList<PackItem> items)
    {
        var placed = new List<Placement>();
        var points = new List<(double X, double Y, double Z)> { (0, 0, 0) };
        var weight = 0.0;
        (double, double, double, double)? failedShape = null;   // a run of identical items fails alike until something is placed
        foreach (var item in items)
        {
            var shape = (item.Length, item.Width, item.Height, item.WeightLb);
            if (failedShape == shape) continue;
            if (weight + item.WeightLb > box.MaxWeightLb + Eps) { failedShape = shape; continue; }
            Placement? at = null;
            var atIndex = -1;
            for (var e = 0; e < points.Count && at is null; e++)
            {
                var (x, y, z) = points[e];
                foreach (var (l, w, h) in Orientations(item))
                {
                    if (x + l > box.Length + Eps || y + w > box.Width + Eps || z + h > box.Height + Eps) continue;
                    if (Overlaps(placed, x, y, z, l, w, h)) continue;
                    at = new Placement(item, x, y, z, l, w, h);
                    atIndex = e;
                    break;
                }
            }
            if (at is null) { failedShape = shape; continue; }
            failedShape = null;
            placed.Add(at);
            weight += item.WeightLb;
            points.RemoveAt(atIndex);
            foreach (var p in new[] { (at.X + at.Length, at.Y, at.Z), (at.X, at.Y + at.Width, at.Z), (at.X, at.Y, at.Z + at.Height) })
            {
                if (p.Item1 >= box.Length - Eps || p.Item2 >= box.Width - Eps || p.Item3 >= box.Height - Eps) continue;
                if (points.Contains(p) || Inside(placed, p)) continue;
                points.Add(p);
            }
            points.RemoveAll(p => Inside([at], p));
            points.Sort((a, b) => a.Z != b.Z ? a.Z.CompareTo(b.Z) : a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X));
        }
        return placed;
    }

    static bool Overlaps(List<Placement> placed, double x, double y, double z, double l, double w, double h)
    {
        foreach (var p in placed)
            if (x < p.X + p.Length - Eps && p.X < x + l - Eps && y < p.Y + p.Width - Eps && p.Y < y + w - Eps && z < p.Z + p.Height - Eps && p.Z < z + h - Eps)
                return true;
        return false;
    }

    static bool Inside(List<Placement> placed, (double X, double Y, double Z) q)
    {
        foreach (var p in placed)
            if (q.X >= p.X - Eps && q.X < p.X + p.Length - Eps && q.Y >= p.Y - Eps && q.Y < p.Y + p.Width - Eps && q.Z >= p.Z - Eps && q.Z < p.Z + p.Height - Eps)
                return true;
        return false;
    }
}
