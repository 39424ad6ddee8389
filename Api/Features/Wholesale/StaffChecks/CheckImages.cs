using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Http;
using Api.Infrastructure.Security;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffChecks;

/// <summary>
/// The staff check images (front and back): the order's latest check payment that has the image, decrypted with the same
/// associated data it was sealed with (<c>wholesale:payments:{id}:check_front|check_back</c>), served with
/// <c>Cache-Control: no-store</c>. A sales rep sees only the checks of orders attributed to them (else 404).
/// </summary>
static class CheckImages
{
    public sealed record Image(byte[] Content, string ContentType, string FileName);

    sealed class Row
    {
        public long Id { get; init; }
        public string? Cipher { get; init; }
        public string? ContentType { get; init; }
        public string? Name { get; init; }
        public long? SalesRepId { get; init; }
    }

    public static async Task<ErrorOr<Image>> LoadAsync(AppDb db, SecretBox box, string orderNumber, string side, Caller caller, CancellationToken ct)
    {
        var column = side == "back" ? "check_back" : "check_front";
        var rows = await db.QueryToListAsync<Row>($"""
            select p.id as "Id", p.{column} as "Cipher", p.{column}_type as "ContentType", p.{column}_name as "Name", o.sales_rep_id as "SalesRepId"
            from wholesale.orders o
            join wholesale.payments p on p.order_id = o.id and p.method = 'check' and p.{column} is not null
            where o.order_number = @Number and o.deleted_at is null
            order by (p.status = 'under_review') desc, p.created_at desc, p.id desc
            limit 1
            """, new { Number = orderNumber.Trim().ToUpperInvariant() }, ct);
        if (rows is not [var row] || (caller.Role == "sales_rep" && row.SalesRepId != caller.Id))
            return Error.NotFound("Check.NotFound", $"no check {side} image for this order");
        var bytes = Convert.FromBase64String(box.Decrypt(row.Cipher!, $"wholesale:payments:{row.Id}:{column}"));
        return new Image(bytes, row.ContentType ?? "application/octet-stream", row.Name ?? $"{orderNumber}_{side}");
    }

    public static async Task SendAsync(HttpContext ctx, ErrorOr<Image> result, CancellationToken ct)
    {
        if (result.IsError) { await ApiErrors.WriteAsync(ctx, ApiErrors.From(result.Errors), ct); return; }
        var img = result.Value;
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = img.ContentType;
        ctx.Response.ContentLength = img.Content.Length;
        ctx.Response.Headers.CacheControl = "no-store";
        ctx.Response.Headers.Pragma = "no-cache";
        ctx.Response.Headers.XContentTypeOptions = "nosniff";
        ctx.Response.Headers.ContentDisposition = $"inline; filename=\"{img.FileName}\"";
        await ctx.Response.Body.WriteAsync(img.Content, ct);
    }
}
