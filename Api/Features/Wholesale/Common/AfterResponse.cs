using System.Threading.Channels;
using Api.Infrastructure.Integrations.Mail;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Mails and texts that sign-in and recovery slices send once their answer is decided, delivered by a background loop so
/// that a slow (or failing) SMTP server or SMS provider never shows in the answer's time: recovery answers look and take
/// alike whether or not an account matched. In memory: a message queued just before the process stops is lost, and the
/// user asks again (every recovery request can be repeated).
/// </summary>
public sealed class AfterResponse(IServiceScopeFactory scopes, ILogger<AfterResponse> log) : BackgroundService
{
    abstract record Item;
    sealed record MailItem(OutgoingMail Mail) : Item;
    sealed record SmsItem(string To, string Body, string Purpose) : Item;

    readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    int _pending;

    public void Mail(OutgoingMail mail) => Enqueue(new MailItem(mail));
    public void Sms(string toE164, string body, string purpose) => Enqueue(new SmsItem(toE164, body, purpose));

    /// <summary>Messages queued but not yet handed over (tests wait for zero).</summary>
    public int Pending => Volatile.Read(ref _pending);

    void Enqueue(Item item)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(item)) Interlocked.Decrement(ref _pending);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (item is MailItem m) await scope.ServiceProvider.GetRequiredService<IMailSender>().SendAsync(m.Mail, stoppingToken);
                    else if (item is SmsItem s) await scope.ServiceProvider.GetRequiredService<ISmsSender>().SendAsync(s.To, s.Body, s.Purpose, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning("Deferred {Kind} delivery failed: {Error}", item is MailItem ? "mail" : "SMS", e.Message);
                }
                finally { Interlocked.Decrement(ref _pending); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
