using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesOrders.SalesReps;

/// <summary>Beyond the document: <c>?include_inactive=true</c> also lists deactivated reps (each row says <c>is_active</c>).</summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("include_inactive")] public bool IncludeInactive { get; init; }
}

/// <summary>The document answers a bare list of reps.</summary>
sealed class Response : List<Rep>;

sealed class Rep
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string FullName { get; init; } = "";
    public string? Email { get; init; }
    public bool IsActive { get; init; }
    public decimal CommissionRate { get; init; }
}
