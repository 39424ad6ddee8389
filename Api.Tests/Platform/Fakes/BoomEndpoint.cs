using FastEndpoints;

// Lives in the test assembly under a module namespace, so the platform mounts it like a real slice (tests only).
namespace Api.Features.Platform.TestOnly;

sealed class BoomEndpoint : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("v1/test-only/boom");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) => throw new InvalidOperationException("secret detail that must not leak");
}
