using System.Diagnostics;
using Api.Features.PriceWatch.Common.Matching;
using Xunit.Abstractions;

namespace Api.Tests.Features.PriceWatch.Matching;

/// <summary>
/// The matcher alone on the bench's data shape (2,000 own × 20,000 competitor names, as <c>pricewatch-bench</c> generates
/// them), with the process CPU time it took: wall time on this shared machine depends on the load, CPU time much less.
/// Only 200 own products here to keep the suite fast; the figure scales linearly (candidate blocking).
/// </summary>
public sealed class MatcherSpeedTests(ITestOutputHelper output)
{
    static readonly string[] Colours = ["Clear", "Black", "White", "Amber", "Gold", "Frosted", "Matte Black", "Kraft", "Silver"];
    static readonly string[] Kinds = ["Mylar Bag", "Stand Up Pouch", "Glass Jar", "Plastic Jar", "Pop Top Tube", "Dropper Bottle", "Kraft Box", "Tin", "Mailer Box", "Pre-Roll Tube", "Boston Round Bottle", "Lid"];
    static readonly string[] Sizes = ["4x5", "4 x 6", "6x9", "1/8 oz", "1oz", "2 oz", "4oz", "8oz", "30 dram", "60ml", "3.5g", "116mm"];
    static readonly string[] Packs = ["", "", " - 12-pack", " (Pack of 50)", " Case of 100", " 25 ct"];
    static readonly string[] Extras = ["", "Child Resistant ", "Premium ", "Wholesale ", "Eco "];

    static string Name(int g, int code) =>
        $"{Colours[g % 9]} {Kinds[(g / 9) % 12]} {Sizes[(g / 108) % 12]}{Packs[(g / 1296) % 6]} {Extras[(g / 7) % 5]}V{code}";

    [Fact]
    public void Two_hundred_own_products_against_twenty_thousand()
    {
        var profile = MatchQualityTests.Packaging();
        var theirs = Enumerable.Range(1, 20000).Select(g => new Item(Guid.NewGuid(), Name(g, (g * 7) % 223), 1m, Guid.NewGuid())).ToList();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var matcher = new FuzzyMatcher(profile, theirs);
        var index = sw.Elapsed;
        var indexCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        for (var g = 1; g <= 50; g++) matcher.Candidates(new Item(Guid.NewGuid(), Name(g * 13, g % 211)), 15);   // warm-up (JIT)
        var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw1 = Stopwatch.StartNew();
        var found = 0;
        for (var g = 1; g <= 200; g++)
            if (matcher.Candidates(new Item(Guid.NewGuid(), Name(g * 10, g % 211)), 15).FirstOrDefault() is { } c && c.Confidence >= profile.MinConfidence) found++;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu1;
        output.WriteLine($"index {index.TotalSeconds:F2} s ({indexCpu.TotalSeconds:F2} s CPU); 200 own products {sw1.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU (process); {found} above the threshold");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60));
    }
}
