namespace Api.Features.Wholesale.Voice;

/// <summary>
/// <c>Wholesale:Voice:*</c> settings, read where used (no registration): <c>WebhookSecret</c> (or the <c>ELEVENLABS_WEBHOOK_SECRET</c>
/// variable; unset: every webhook is refused with 401), <c>ReviewScoreThreshold</c> (inbound calls scored below it go to the review
/// queue, default 70), <c>CostPerMinute</c> (dollars per call minute for performance cost and ROI, default 0.10).
/// </summary>
static class VoiceSettings
{
    public static string? WebhookSecret(IConfiguration c) =>
        c["Wholesale:Voice:WebhookSecret"] is { Length: > 0 } s ? s : c["ELEVENLABS_WEBHOOK_SECRET"] is { Length: > 0 } e ? e : null;

    public static decimal ReviewScoreThreshold(IConfiguration c) => c.GetValue<decimal?>("Wholesale:Voice:ReviewScoreThreshold") ?? 70m;

    public static decimal CostPerMinute(IConfiguration c) => c.GetValue<decimal?>("Wholesale:Voice:CostPerMinute") ?? 0.10m;
}
