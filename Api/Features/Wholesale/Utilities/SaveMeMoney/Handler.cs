using Api.Features.Wholesale.Bills.Extraction;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Mail;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Utilities.SaveMeMoney;

/// <summary>
/// Stores the request and, with an invoice, a bill (source save_me_money) plus its extraction job, in one transaction; then
/// mails the sales inbox (<c>Wholesale:SalesEmail</c>; the platform outbox when no SMTP server is configured).
/// </summary>
sealed class Handler(AppDb db, IMailSender mail, IOptions<WholesaleOptions> options) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string BillSql = Sql.Load<Handler>("InsertBill.sql");
    static readonly string RequestSql = Sql.Load<Handler>("SaveMeMoney.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        BillUpload.File? file = null;
        if (req.Invoice is { Length: > 0 } invoice)
        {
            var read = await BillUpload.ReadAsync(invoice, ct);
            if (read.IsError) return read.Errors;
            file = read.Value;
        }
        var phone = Phones.ToE164(req.Phone)!;
        var fields = new
        {
            Name = req.Name!.Trim(), RestaurantName = req.RestaurantName!.Trim(), Address = req.Address!.Trim(), City = req.City!.Trim(),
            State = req.State!.Trim(), Phone = phone, Email = req.Email!.Trim(), RdCustomerNumber = Blank(req.RdCustomerNumber),
        };
        long? billId = null;
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            if (file is not null)
            {
                billId = await db.ExecuteAsync<long>(BillSql, new
                {
                    fields.RestaurantName, RestaurantEmail = fields.Email, RestaurantPhone = phone, ContactName = fields.Name,
                    Notes = $"Save Me Money request: {fields.Address}, {fields.City}, {fields.State}" +
                            (fields.RdCustomerNumber is null ? "" : $"; RD customer #{fields.RdCustomerNumber}"),
                    OriginalFilename = file.Name, FileType = file.Kind, FileContent = file.Bytes,
                }, ct);
                await Job.StartAsync(db, billId.Value, ct);
            }
            await db.ExecuteAsync(RequestSql, new
            {
                fields.Name, fields.RestaurantName, fields.Address, fields.City, fields.State, fields.Phone, fields.Email,
                fields.RdCustomerNumber, BillId = billId,
            }, ct);
            await tx.CommitAsync(ct);
        }

        var text = $"""
            A "Save Me Money" request came in.

            Name: {fields.Name}
            Restaurant: {fields.RestaurantName}
            Address: {fields.Address}, {fields.City}, {fields.State}
            Phone: {fields.Phone}
            Email: {fields.Email}
            Restaurant Depot customer number: {fields.RdCustomerNumber ?? "-"}
            Invoice: {(file is null ? "none attached" : $"{file.Name}, analysed as bill #{billId} (GET /api/bills/{billId})")}
            """;
        await mail.SendAsync(new OutgoingMail(options.Value.SalesEmail, $"Save Me Money: {fields.RestaurantName}", text, null,
            "wholesale.save_me_money", null), ct);
        return new Response(true, "Thanks! Our team will review your information and contact you with your savings.", billId);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
