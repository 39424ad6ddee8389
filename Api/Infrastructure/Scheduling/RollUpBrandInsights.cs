using Coravel.Invocable;
using Mediator;

namespace Api.Infrastructure.Scheduling;

/// <summary>Every few minutes: brings the BrandInsights roll-ups up to date (brands changed by ingest, and the new day).</summary>
public sealed class RollUpBrandInsights(IMediator mediator) : IInvocable
{
    public async Task Invoke() => await mediator.Send(new Api.Features.BrandInsights.Rollups.RollUpBrands.Command());
}
