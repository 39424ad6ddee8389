using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Features.Wholesale.StaffOrders;

/// <summary>Stripe's <c>POST /v1/refunds</c> on 127.0.0.1: one refund per idempotency key (as Stripe does), or a failure while <see cref="Fail"/> is set.</summary>
public sealed class FakeRefunds
{
    public string Url { get; }
    public volatile bool Fail;
    public ConcurrentQueue<(string? Key, Dictionary<string, string> Form)> Calls { get; } = new();
    public ConcurrentDictionary<string, string> ByKey { get; } = new();
    int _seq;

    public FakeRefunds()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/refunds", async (HttpContext ctx) =>
        {
            var form = (await ctx.Request.ReadFormAsync()).ToDictionary(k => k.Key, k => k.Value.ToString());
            var key = ctx.Request.Headers["Idempotency-Key"].ToString();
            Calls.Enqueue((key, form));
            if (Fail)
                return Results.Json(new { error = new { type = "invalid_request_error", code = "charge_disputed", message = "Charge has been disputed" } }, statusCode: 400);
            var id = ByKey.GetOrAdd(key, _ => "re_fake" + Interlocked.Increment(ref _seq));
            return Results.Json(new
            {
                id, @object = "refund", amount = long.Parse(form["amount"]), currency = "usd", status = "succeeded",
                payment_intent = form["payment_intent"],
            });
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First();
    }
}
