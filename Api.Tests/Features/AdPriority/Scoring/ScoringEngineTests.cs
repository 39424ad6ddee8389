using Api.Features.AdPriority.Scoring;

namespace Api.Tests.Features.AdPriority.Scoring;

/// <summary>The scoring rules of docs/adpriority.md, one table row per rule and precedence.</summary>
public sealed class ScoringEngineTests
{
    static readonly DateTime Now = new(2026, 2, 10, 8, 0, 0, DateTimeKind.Utc);
    static readonly DateTime Old = Now.AddDays(-200);

    static TagModifier Adj(int a) => new(a, null);
    static TagModifier Over(int o) => new(null, o);
    static RuleDef Rule(string pattern, string? season, int basePriority, params (string Tag, TagModifier Mod)[] tags) =>
        new(Guid.NewGuid(), pattern, season, basePriority, tags.ToDictionary(t => t.Tag, t => t.Mod));

    static ScoringConfig Config(string season = "winter", RuleDef[]? rules = null, Dictionary<string, int>? overrides = null,
        Dictionary<string, TagModifier>? tags = null, int defaultPriority = 3, int newDays = 14, int newPriority = 5) => new()
    {
        CurrentSeason = season, Rules = rules ?? [], SeasonOverrides = overrides ?? [], TagModifiers = tags ?? [],
        DefaultPriority = defaultPriority, NewArrivalDays = newDays, NewArrivalPriority = newPriority, Now = Now,
    };

    public sealed record Case(string Name, ScoringConfig Config, string ProductType, string[] Tags, DateTime CreatedAt, int Stock, int Expected, string? Category = null)
    {
        public override string ToString() => Name;
    }

    static readonly RuleDef JeansAll = Rule("jeans-pants", null, 3, ("NAME BRAND", Adj(1)), ("DEAD50", Over(0)));
    static readonly RuleDef JeansWinter = Rule("jeans-pants", "winter", 5);
    static readonly RuleDef ShortsAll = Rule("shorts", null, 4);
    static readonly RuleDef HeadwearGlob = Rule("Headwear-*", null, 2);
    static readonly RuleDef Catchall = Rule("*", "winter", 1);

    public static TheoryData<Case> Cases() =>
    [
        new("no rule: tenant default", Config(defaultPriority: 2), "Misc-Stuff", [], Old, 5, 2, "stuff"),
        new("all-season rule by whole segments", Config(rules: [JeansAll]), "Men-Bottoms-Jeans Pants", [], Old, 5, 3, "jeans-pants"),
        new("pattern must match whole segments", Config(rules: [JeansAll], defaultPriority: 1), "Men-Bottoms-Jeans Pantsuit", [], Old, 5, 1),
        new("season-specific beats all-season", Config(rules: [JeansAll, JeansWinter]), "Men-Bottoms-Jeans Pants", [], Old, 5, 5),
        new("other season's rule is ignored", Config(season: "summer", rules: [JeansAll, JeansWinter]), "Men-Bottoms-Jeans Pants", [], Old, 5, 3),
        new("more specific all-season beats broad seasonal glob", Config(rules: [JeansAll, Catchall]), "Men-Bottoms-Jeans Pants", [], Old, 5, 3),
        new("broad seasonal glob when nothing else matches", Config(rules: [JeansAll, Catchall], defaultPriority: 4), "Toys", [], Old, 5, 1),
        new("glob pattern, case-insensitive", Config(rules: [HeadwearGlob]), "headwear-Baseball-Fitted", [], Old, 5, 2, "headwear"),
        new("season calendar override beats all-season rule", Config(rules: [ShortsAll], overrides: new() { ["shorts"] = 0 }), "Men-Shorts", [], Old, 5, 0, "shorts"),
        new("season-specific rule beats calendar override", Config(rules: [JeansAll, JeansWinter], overrides: new() { ["jeans-pants"] = 1 }), "Jeans Pants", [], Old, 5, 5),
        new("calendar override on fallback category", Config(overrides: new() { ["hoodies-sweatshirts"] = 5 }, defaultPriority: 2), "Men-Tops-Hoodies & Sweatshirts", [], Old, 5, 5, "hoodies-sweatshirts"),
        new("rule tag adjustment", Config(rules: [JeansAll]), "Jeans Pants", ["NAME BRAND"], Old, 5, 4),
        new("tag matching ignores case", Config(rules: [JeansAll]), "Jeans Pants", ["name brand"], Old, 5, 4),
        new("tag override replaces", Config(rules: [JeansAll]), "Jeans Pants", ["NAME BRAND", "DEAD50"], Old, 5, 0),
        new("tenant tag modifier", Config(tags: new() { ["Sale"] = Adj(-2) }), "Misc", ["Sale"], Old, 5, 1),
        new("rule modifier wins over tenant modifier for the same tag", Config(rules: [JeansAll], tags: new() { ["NAME BRAND"] = Adj(-3) }), "Jeans Pants", ["NAME BRAND"], Old, 5, 4),
        new("lowest of several overrides", Config(tags: new() { ["a"] = Over(4), ["b"] = Over(2) }), "Misc", ["a", "b"], Old, 5, 2),
        new("clamped at 5", Config(rules: [JeansWinter], tags: new() { ["x"] = Adj(3) }), "Jeans Pants", ["x"], Old, 5, 5),
        new("clamped at 0", Config(tags: new() { ["x"] = Adj(-5) }), "Misc", ["x"], Old, 5, 0),
        new("zero stock is dead stock", Config(rules: [JeansWinter]), "Jeans Pants", [], Old, 0, 0),
        new("negative stock is dead stock", Config(rules: [JeansWinter]), "Jeans Pants", [], Old, -3, 0),
        new("dead stock beats a tag override", Config(tags: new() { ["x"] = Over(5) }), "Misc", ["x"], Old, 0, 0),
        new("new arrival raised to newArrivalPriority", Config(defaultPriority: 2), "Misc", [], Now.AddDays(-3), 5, 5),
        new("new arrival never lowers", Config(rules: [JeansWinter], newPriority: 4), "Jeans Pants", [], Now.AddDays(-3), 5, 5),
        new("past newArrivalDays: no boost", Config(defaultPriority: 2, newDays: 14), "Misc", [], Now.AddDays(-15), 5, 2),
        new("newArrivalDays 0 disables the boost", Config(defaultPriority: 2, newDays: 0), "Misc", [], Now, 5, 2),
        new("tag override beats new-arrival boost", Config(rules: [JeansAll]), "Jeans Pants", ["DEAD50"], Now.AddDays(-1), 5, 0),
        new("empty product type", Config(defaultPriority: 3), "", [], Old, 1, 3, "uncategorized"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scores(Case c)
    {
        var score = new ScoringEngine(c.Config).Score(c.ProductType, c.Tags, c.CreatedAt, c.Stock);
        Assert.Equal(c.Expected, score.Priority);
        Assert.Equal($"priority-{c.Expected}", score.Label0);
        if (c.Category is not null) Assert.Equal(c.Category, score.Label2);
    }

    [Fact]
    public void Labels_follow_the_documents_examples()
    {
        var engine = new ScoringEngine(Config(rules: [JeansWinter]));
        var inStock = engine.Score("Men-Bottoms-Jeans Pants", ["NAME BRAND", "Men", "in-stock"], Old, 12);
        Assert.Equal(new VariantScore(5, "priority-5", "winter", "jeans-pants", "in-stock", "name-brand"), inStock);
        var dead = engine.Score("Men-Bottoms-Jeans Pants", ["NAME BRAND"], Old, 0);
        Assert.Equal(new VariantScore(0, "priority-0", "winter", "jeans-pants", "dead-stock", "name-brand"), dead);
        Assert.Equal("standard", engine.Score("Misc", ["Men"], Old, 1).Label4);
        Assert.Equal("summer", new ScoringEngine(Config(season: "summer")).Score("Misc", [], Old, 1).Label1);
    }

    public static TheoryData<int?, bool, bool, int, int, bool, ScoreChange> ApplyCases() => new()
    {
        // previous, locked, includeOverrides, computed → stored, locked, change
        { null, false, false, 3, 3, false, ScoreChange.Unchanged },
        { 3, false, false, 3, 3, false, ScoreChange.Unchanged },
        { 2, false, false, 4, 4, false, ScoreChange.Increased },
        { 4, false, false, 1, 1, false, ScoreChange.Decreased },
        { 5, true, false, 1, 5, true, ScoreChange.SkippedOverride },
        { 5, true, true, 1, 1, false, ScoreChange.Decreased },
    };

    [Theory]
    [MemberData(nameof(ApplyCases))]
    public void Manual_overrides_are_locked_unless_included(int? previous, bool locked, bool include, int computed, int stored, bool storedLocked, ScoreChange change)
    {
        var score = new VariantScore(computed, $"priority-{computed}", "winter", "misc", "in-stock", "standard");
        var (result, isLocked, actual) = ScoringEngine.Apply(score, previous, locked, include);
        Assert.Equal(stored, result.Priority);
        Assert.Equal($"priority-{stored}", result.Label0);
        Assert.Equal(storedLocked, isLocked);
        Assert.Equal(change, actual);
    }

    [Theory]
    [InlineData("Hoodies & Sweatshirts", "hoodies-sweatshirts")]
    [InlineData("  Men--Bottoms ", "men-bottoms")]
    [InlineData("NAME BRAND", "name-brand")]
    public void Slugs(string input, string expected) => Assert.Equal(expected, ScoringEngine.Slug(input));
}

public sealed class SeasonCalendarTests
{
    static readonly SeasonDef[] Defaults = SeasonCalendar.Defaults.Select(d => new SeasonDef(Guid.NewGuid(), d.Season, d.Name, d.Start, d.End)).ToArray();

    [Theory]
    [InlineData(1, "winter")] [InlineData(2, "winter")] [InlineData(3, "spring")] [InlineData(4, "spring")] [InlineData(5, "summer")]
    [InlineData(8, "summer")] [InlineData(9, "fall")] [InlineData(10, "fall")] [InlineData(11, "winter")] [InlineData(12, "winter")]
    public void Default_months(int month, string season) => Assert.Equal(season, SeasonCalendar.Current(Defaults, month)!.Season);

    [Fact]
    public void Next_transition_is_the_first_day_of_the_next_season()
    {
        var next = SeasonCalendar.NextTransition(Defaults, new DateOnly(2026, 2, 10))!.Value;
        Assert.Equal("spring", next.To.Season);
        Assert.Equal(new DateOnly(2026, 3, 1), next.Date);
        Assert.Equal(19, next.DaysUntil);   // the document's example
        Assert.Equal(new DateOnly(2026, 11, 1), SeasonCalendar.NextTransition(Defaults, new DateOnly(2026, 9, 30))!.Value.Date);
    }

    [Fact]
    public void Gaps_keep_the_season_that_started_last()
    {
        var edited = Defaults.Select(s => s.Season == "winter" ? s with { StartMonth = 12 } : s).ToArray();
        Assert.Equal("fall", SeasonCalendar.Current(edited, 11)!.Season);
        Assert.Equal("winter", SeasonCalendar.Current(edited, 12)!.Season);
    }

    [Fact]
    public void Today_is_taken_in_the_tenants_zone()
    {
        var utc = new DateTime(2026, 3, 1, 3, 0, 0, DateTimeKind.Utc);   // still Feb 28 in Los Angeles
        var la = SeasonCalendar.Zone("America/Los_Angeles");
        Assert.Equal(new DateOnly(2026, 2, 28), SeasonCalendar.Today(utc, la));
        Assert.Equal("winter", SeasonCalendar.Current(Defaults, SeasonCalendar.Today(utc, la).Month)!.Season);
        Assert.Equal(TimeZoneInfo.Utc, SeasonCalendar.Zone("Not/AZone"));
    }
}
