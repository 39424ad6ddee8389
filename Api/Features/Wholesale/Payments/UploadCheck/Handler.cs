using System.Text;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Auth;
using Api.Infrastructure.Database;
using Api.Infrastructure.Security;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Payments.UploadCheck;

/// <summary>
/// Check images are sensitive: staff may upload for any order; anyone else needs a signed single-use link for that order
/// (wholesale.check_upload_links: the SHA-256 of the token, an expiry, used once; consumed in the upload's transaction).
/// Each image (JPEG, PNG, WebP, HEIC or PDF, up to 10 MB) is stored with <see cref="SecretBox"/> (base64 of the bytes as the
/// plaintext, associated data <c>wholesale:payments:{id}:check_front|check_back</c>) in a payment row of the order's
/// balance with status <c>under_review</c>; the order's payment_status becomes <c>check_review</c>, with an order event.
/// </summary>
sealed class Handler(AppDb db, SecretBox box) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("InsertCheck.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.Staff is null && string.IsNullOrEmpty(req.Token))
            return Error.Unauthorized("UNAUTHORIZED", "Staff sign-in or a check upload link is required");
        if (req.Problem == UploadProblem.TooLarge) return Error.Custom(413, "Check.TooLarge", "Images up to 10 MB each are accepted");
        if (req.Problem == UploadProblem.Malformed) return Error.Validation("Check.Malformed", "The multipart/form-data body could not be read");

        var errors = new List<Error>();
        if (req.OrderNumber is null || !OrderNumbers.Plausible(req.OrderNumber)) errors.Add(Invalid("order_number", "a valid order number is required"));
        if (req.Front is null) errors.Add(Invalid("check_front", "the check's front image is required (check_front or check_image)"));
        else if (req.Front.Bytes.Length == 0) errors.Add(Invalid("check_front", "the uploaded file is empty"));
        if (req.Back is { Bytes.Length: 0 }) errors.Add(Invalid("check_back", "the uploaded file is empty"));
        if (errors.Count > 0) return errors;
        var frontType = Sniff(req.Front!.Bytes);
        var backType = req.Back is null ? null : Sniff(req.Back.Bytes);
        if (frontType is null || (req.Back is not null && backType is null))
            return Error.Custom(415, "Check.UnsupportedType", "Upload check images as JPEG, PNG, WebP, HEIC or PDF");

        await using var tx = await db.BeginTransactionAsync(ct);
        if (await StripePayments.FindOrderAsync(db, req.OrderNumber!, ct) is not { } order) return Error.NotFound("Order.NotFound", "Order not found");
        if (req.Staff is null)
        {
            var used = await db.ExecuteAsync("""
                update wholesale.check_upload_links set used_at = now()
                 where token_hash = @Hash and order_id = @OrderId and used_at is null and expires_at > now()
                """, new { Hash = WholesaleAuth.HashToken(req.Token!), OrderId = order.Id }, ct);
            if (used != 1) return Error.Forbidden("Check.InvalidLink", "This upload link is invalid, expired or already used");
        }
        if (order.Status == "cancelled") return Error.Conflict("Order.Cancelled", "This order was cancelled");
        if (order.Balance <= 0) return Error.Conflict("Order.AlreadyPaid", "This order is already paid");

        var frontName = $"{order.OrderNumber}_front.{frontType.Value.Ext}";
        var backName = backType is { } bt ? $"{order.OrderNumber}_back.{bt.Ext}" : null;
        var (actorKind, actorId) = req.Staff is { } s ? ("staff", s.Id) : ("customer", order.CustomerId);
        var actor = req.Staff?.Label ?? "upload_link";
        var paymentId = (await db.QueryToListAsync<long>(InsertSql, new
        {
            OrderId = order.Id, order.CustomerId, Amount = order.Balance, FrontType = frontType.Value.Mime, FrontName = Safe(req.Front.FileName) ?? frontName,
            BackType = backType?.Mime, BackName = req.Back is null ? null : Safe(req.Back.FileName) ?? backName, Actor = actor,
            From = order.PaymentStatus, ActorKind = actorKind, ActorId = actorId,
            Reason = req.Staff is null ? "check uploaded through a signed upload link" : "check uploaded by staff",
        }, ct)).Single();

        var frontCipher = box.Encrypt(Convert.ToBase64String(req.Front.Bytes), $"wholesale:payments:{paymentId}:check_front");
        var backCipher = req.Back is null ? null : box.Encrypt(Convert.ToBase64String(req.Back.Bytes), $"wholesale:payments:{paymentId}:check_back");
        await db.ExecuteAsync("update wholesale.payments set check_front = @frontCipher, check_back = @backCipher where id = @paymentId",
            new { frontCipher, backCipher, paymentId }, ct);
        await tx.CommitAsync(ct);
        return new Response(true, "Check received; it will be reviewed by our staff", frontName, backName);
    }

    static Error Invalid(string field, string message) =>
        Error.Validation("Check.Invalid", message, new Dictionary<string, object> { ["field"] = field });

    /// <summary>The original file name, reduced to safe characters (kept for staff), or null.</summary>
    static string? Safe(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var sb = new StringBuilder();
        foreach (var c in Path.GetFileName(name)) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        return sb.Length == 0 ? null : sb.ToString()[..Math.Min(sb.Length, 120)];
    }

    /// <summary>The type from the file's first bytes (never from the client's content type).</summary>
    static (string Mime, string Ext)? Sniff(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ("image/jpeg", "jpg");
        if (b.Length >= 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47) return ("image/png", "png");
        if (b.Length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P')
            return ("image/webp", "webp");
        if (b.Length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') return ("application/pdf", "pdf");
        if (b.Length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p'
            && Encoding.ASCII.GetString(b, 8, 4) is "heic" or "heix" or "mif1" or "msf1" or "heif") return ("image/heic", "heic");
        return null;
    }
}
