using Api.Features.Wholesale.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Features.Wholesale.StaffOrders;

/// <summary>Common/StoreCredit and Common/OrderCancellation as other slices call them.</summary>
public sealed class SharedHelpersTests(StaffOrdersFactory api) : IClassFixture<StaffOrdersFactory>
{
    [Fact]
    public async Task Store_credit_is_a_ledger_that_never_goes_below_zero()
    {
        var customer = await api.CreateCustomerAsync();
        var issued = await api.WithDb(db => StoreCredit.IssueAsync(db, customer.Id, 10m, "issue", null, "staff", 1, "goodwill", default));
        Assert.False(issued.IsError);
        Assert.Equal(10m, issued.Value.BalanceAfter);
        var applied = await api.WithDb(db => StoreCredit.ApplyAsync(db, customer.Id, 4m, "order_applied", null, "staff", 1, null, default));
        Assert.Equal(6m, applied.Value.BalanceAfter);
        Assert.Equal("debit", applied.Value.Type);
        var over = await api.WithDb(db => StoreCredit.ApplyAsync(db, customer.Id, 7m, "order_applied", null, "staff", 1, null, default));
        Assert.True(over.IsError);
        Assert.Equal("StoreCredit.Insufficient", over.FirstError.Code);
        Assert.Equal(6m, await api.Scalar<decimal>("select store_credit from wholesale.customers where id = $1", customer.Id));
        Assert.Equal(2L, await api.Scalar<long>("select count(*) from wholesale.store_credit_ledger where customer_id = $1", customer.Id));
        var history = await api.WithDb(db => StoreCredit.HistoryAsync(db, customer.Id, 50, default));
        Assert.Equal([-4m, 10m], history.Select(h => h.Amount));
        var missing = await api.WithDb(db => StoreCredit.IssueAsync(db, 987654321, 5m, "issue", null, "staff", 1, null, default));
        Assert.Equal("StoreCredit.CustomerNotFound", missing.FirstError.Code);
    }

    [Fact]
    public async Task Cancel_restores_stock_once_and_refunds_the_card_payment_once()
    {
        var (id, _, product, total) = await StaffOrdersKit.OrderAsync(api, stock: 10, qty: 3);
        Assert.Equal(7, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        var intent = await StaffOrdersKit.PayByCardAsync(api, id);
        var stripe = api.Services.GetRequiredService<WholesaleStripe>();

        var result = await api.WithDb(db => OrderCancellation.CancelAndRefundAsync(db, stripe, id, "staff", 1, "customer asked", default));
        Assert.False(result.IsError);
        Assert.Equal("pending", result.Value.Cancelled.PreviousStatus);
        var refund = result.Value.Refund!;
        Assert.Equal("succeeded", refund.Status);
        Assert.Equal(total, refund.Amount);
        Assert.StartsWith("re_fake", refund.RefundId);
        Assert.Equal(10, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal("refunded", await api.Scalar<string>("select payment_status from wholesale.orders where id = $1", id));
        Assert.Equal("refunded", await api.Scalar<string>("select status from wholesale.payments where stripe_payment_intent_id = $1", intent));
        var sent = api.Stripe.Calls.Single(c => c.Form["payment_intent"] == intent);
        Assert.Equal(((long)(total * 100)).ToString(), sent.Form["amount"]);
        Assert.StartsWith("wholesale-refund-", sent.Key);

        // a second cancel is refused by the state machine; refunding again calls Stripe no more; stock stays
        var again = await api.WithDb(db => OrderCancellation.CancelAndRefundAsync(db, stripe, id, "staff", 1, "again", default));
        Assert.Equal("Order.InvalidTransition", again.FirstError.Code);
        var rerun = await api.WithDb(db => OrderCancellation.RefundAsync(db, stripe, id, "staff", 1, default));
        Assert.Equal("succeeded", rerun!.Status);
        Assert.Single(api.Stripe.Calls, c => c.Form["payment_intent"] == intent);
        Assert.Equal(10, await api.Scalar<int>("select stock_quantity from wholesale.products where id = $1", product));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.inventory_ledger where order_id = $1 and reason = 'order_released'", id));
        Assert.Equal(1L, await api.Scalar<long>("select count(*) from wholesale.order_events where order_id = $1 and to_status = 'cancelled'", id));
    }

    [Fact]
    public async Task A_failed_refund_keeps_the_cancellation_flags_the_order_and_retries_with_the_same_key()
    {
        var (id, _, _, _) = await StaffOrdersKit.OrderAsync(api);
        var intent = await StaffOrdersKit.PayByCardAsync(api, id);
        var stripe = api.Services.GetRequiredService<WholesaleStripe>();
        var unknown = await api.WithDb(db => OrderCancellation.CancelAsync(db, 987654321, "staff", 1, "x", default));
        Assert.Equal("Order.NotFound", unknown.FirstError.Code);

        api.Stripe.Fail = true;
        OrderCancellation.Refund? refund;
        try
        {
            var result = await api.WithDb(db => OrderCancellation.CancelAndRefundAsync(db, stripe, id, "staff", 1, "out of stock", default));
            refund = result.Value.Refund;
        }
        finally { api.Stripe.Fail = false; }
        Assert.Equal("failed", refund!.Status);
        Assert.Contains("disputed", refund.Error);
        Assert.Equal("cancelled", await api.Scalar<string>("select status from wholesale.orders where id = $1", id));
        Assert.True(await api.Scalar<bool>("select refund_failed and needs_review from wholesale.orders where id = $1", id));

        var retry = await api.WithDb(db => OrderCancellation.RefundAsync(db, stripe, id, "staff", 1, default));
        Assert.Equal("succeeded", retry!.Status);
        Assert.False(await api.Scalar<bool>("select refund_failed from wholesale.orders where id = $1", id));
        var keys = api.Stripe.Calls.Where(c => c.Form["payment_intent"] == intent).Select(c => c.Key).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Single(keys.Distinct());
    }
}
