using Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Platform.Sandbox;

public sealed class SandboxStartupTests
{
    sealed class ProductionWithSandbox : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Sandbox:Enabled", "true");
            builder.UseSetting(Schemes.PlatformSigningKey, Infrastructure.ApiFactory.PlatformKey);
            builder.UseSetting("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Username=nobody;Password=x");
        }
    }

    [Fact]
    public void Production_refuses_to_start_with_the_sandbox_on()
    {
        using var factory = new ProductionWithSandbox();
        var e = Assert.ThrowsAny<Exception>(() => factory.Services);
        while (e.InnerException is not null && !e.Message.Contains("Sandbox:Enabled", StringComparison.Ordinal)) e = e.InnerException;
        Assert.Contains("Sandbox:Enabled is on in Production", e.Message);
    }
}
