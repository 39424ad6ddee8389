using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Common;

/// <summary>
/// Whether recovery answers fill their <c>debug_*</c> fields (<c>Wholesale:Auth:ExposeDebugValues</c>). Never in Production:
/// the option is refused at start-up there (see <see cref="WholesaleModule"/>), and this check ignores it as well.
/// </summary>
sealed class RecoveryDebug(IOptions<WholesaleOptions> options, IHostEnvironment env)
{
    public bool Expose { get; } = options.Value.Auth.ExposeDebugValues && !env.IsProduction();

    public string? Value(string? value) => Expose ? value : null;

    public static bool Allowed(WholesaleOptions o, IHostEnvironment env) => !(o.Auth.ExposeDebugValues && env.IsProduction());
}
