using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Common;

/// <summary>The business's time zone (<c>Wholesale:TimeZone</c>, default America/Chicago): "today", days and months in reports.</summary>
sealed class BusinessClock(IOptions<WholesaleOptions> options, TimeProvider time)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
    public string ZoneId => Zone.Id;
}
