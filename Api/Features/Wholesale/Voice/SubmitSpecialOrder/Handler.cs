using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using Api.Infrastructure.Integrations.Discord;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Voice.SubmitSpecialOrder;

/// <summary>
/// An RFQ in the core's <c>wholesale.rfqs</c> (source <c>voice</c>, linked to the caller's customer when the number is known,
/// <c>RFQ-YYYYMMDD-XXXXXX</c>), then a notice on the <c>sourcing</c> Discord channel (kept in the outbox when no webhook is set).
/// </summary>
sealed class Handler(AppDb db, IDiscordNotifier discord, BusinessClock clock) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var phoneOr = VoiceKit.Phone(req.Phone, req.PhoneNumber, field: "phone");
        if (phoneOr.IsError) return phoneOr.Errors;
        var phone = phoneOr.Value!;
        var rfqNumber = $"RFQ-{clock.Today:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3))}";
        var notes = new StringBuilder($"Caller {phone}.");
        if (req.Specifications is { Length: > 0 } s) notes.Append($"\nSpecifications: {s.Trim()}");
        if (req.TargetUnitPrice is { } p) notes.Append($"\nTarget unit price: {p:0.00}");
        if (req.QualityNotes is { Length: > 0 } q) notes.Append($"\nQuality: {q.Trim()}");
        if (req.DeliveryAddress is { Length: > 0 } a) notes.Append($"\nDeliver to: {a.Trim()}");
        if (req.AdditionalNotes is { Length: > 0 } n) notes.Append($"\nNotes: {n.Trim()}");
        var description = req.ItemDescription!.Trim();
        var row = (await db.QueryToListAsync<Row>("""
            insert into wholesale.rfqs (rfq_number, status, source, customer_id, title, description, quantity, needed_by, notes, created_by, status_changed_by)
            values (@Number, 'draft', 'voice',
                    (select id from wholesale.customers where phone = @Phone and deleted_at is null and merged_into is null order by (kind = 'account') desc, id limit 1),
                    @Title, @Description, @Quantity, @NeededBy, @Notes, 'voice', 'voice')
            returning id as "Id", customer_id as "CustomerId"
            """, new
        {
            Number = rfqNumber, Phone = phone, Title = description.Length > 120 ? description[..120] : description, Description = description,
            Quantity = (decimal?)req.Quantity, NeededBy = req.TimelineWeeks is { } w ? clock.Today.AddDays(7 * w) : (DateOnly?)null, Notes = notes.ToString(),
        }, ct)).Single();
        var notice = await discord.NotifyAsync("sourcing", new
        {
            content = $"New special order {rfqNumber} from a phone caller ({Phones.Mask(phone)}): {description}"
                      + (req.Quantity is { } qty ? $" x {qty}" : "") + (req.TimelineWeeks is { } tw ? $", needed in {tw} weeks" : ""),
        }, ct);
        return VoiceKit.ToJson(new
        {
            success = true, rfq_number = rfqNumber, rfq_id = row.Id, customer_id = row.CustomerId, notification = notice.Status,
            message = $"I've submitted your special request. Your reference is {rfqNumber}; our sourcing team will follow up.",
        });
    }

    sealed class Row { public long Id { get; init; } public long? CustomerId { get; init; } }
}
