using Api.Features.Wholesale;
using Api.Features.Wholesale.Common;
using Api.Features.Wholesale.ShippingBoxes;
using Coravel.Invocable;
using Mediator;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Scheduling;

/// <summary>
/// Monday to Friday, hourly: at <c>Wholesale:Shipping:SummaryHour</c> (business time zone, default 8; negative: off) posts
/// the orders awaiting shipment to Discord. Checked against the business clock so the hour follows daylight saving.
/// </summary>
sealed class WholesaleShipmentSummary(IMediator mediator, BusinessClock clock, IOptions<ShippingOptions> options) : IInvocable
{
    public async Task Invoke()
    {
        var now = clock.Now;
        if (options.Value.SummaryHour < 0 || now.Hour != options.Value.SummaryHour || now.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return;
        await mediator.Send(new Api.Features.Wholesale.ShippingReports.ShipmentSummary.Command("schedule"));
    }
}
