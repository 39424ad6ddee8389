using Api.Tests.Infrastructure;

namespace Api.Tests.Features.Wholesale.StaffOrders;

/// <summary>The order list's fast paths (ListOrders/Handler.cs): order-number prefixes, and the exactly cached counts.</summary>
public sealed class ListOrdersPathsTests(StaffOrdersFactory api) : IClassFixture<StaffOrdersFactory>
{
    const string Orders = $"{WsKit.Base}/api/staff/orders";

    [Fact]
    public async Task A_search_shaped_like_an_order_number_finds_numbers_starting_with_it_else_searches_the_text()
    {
        var staff = await api.StaffClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (a, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        var (b, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        await api.Exec($"update wholesale.orders set order_number = 'TST-{tag}1001' where id = $1", a);
        await api.Exec($"update wholesale.orders set order_number = 'TST-{tag}1002', delivery_name = 'Cafe tst-{tag}9' where id = $1", b);

        var one = await (await staff.GetAsync($"{Orders}?search=tst-{tag.ToLowerInvariant()}1001")).Ok();
        Assert.Equal((1L, a), ((long)one["total"]!, (long)one["orders"]![0]!["id"]!));
        var both = await (await staff.GetAsync($"{Orders}?search=TST-{tag}10&per_page=1&page=2")).Ok();
        Assert.Equal((2L, 2, a), ((long)both["total"]!, (int)both["pages"]!, (long)both["orders"]![0]!["id"]!));   // newest first: b, then a
        // no number starts with it: the substring search over name, company, email and phone still finds it
        var byName = await (await staff.GetAsync($"{Orders}?search=tst-{tag}9")).Ok();
        Assert.Equal((1L, b), ((long)byName["total"]!, (long)byName["orders"]![0]!["id"]!));
        // a LIKE wildcard is literal (and not an order-number shape: the substring path)
        Assert.Equal(0, (long)(await (await staff.GetAsync($"{Orders}?search=tst-{tag}1_01")).Ok())["total"]!);
    }

    [Fact]
    public async Task Cached_counts_follow_every_order_write()
    {
        var rep = await api.CreateStaffAsync("sales_rep");
        var client = await api.StaffClientAsync(rep);
        Assert.Equal(0, (long)(await (await client.GetAsync($"{Orders}?status=pending")).Ok())["total"]!);
        var (id, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        await api.Exec("update wholesale.orders set sales_rep_id = $1 where id = $2", rep.Id, id);
        var list = await (await client.GetAsync($"{Orders}?status=pending")).Ok();
        Assert.Equal((1L, id), ((long)list["total"]!, (long)list["orders"]![0]!["id"]!));
        await api.Exec("update wholesale.orders set deleted_at = now() where id = $1", id);
        Assert.Equal(0, (long)(await (await client.GetAsync($"{Orders}?status=pending")).Ok())["total"]!);
    }
}
