using Api.Features.PriceWatch.Team;

namespace Api.Features.PriceWatch;

/// <summary>The module's job kinds and services behind its slices.</summary>
static class PriceWatchWork
{
    public static IServiceCollection AddPriceWatchWork(this IServiceCollection services)
    {
        services.AddScoped<InvitationMail>();
        return services;
    }
}
