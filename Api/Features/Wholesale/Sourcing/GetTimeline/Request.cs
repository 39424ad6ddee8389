using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.GetTimeline;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("sid")] public long Sid { get; init; }
}

sealed record Response
{
    public string ShipmentNumber { get; init; } = "";
    public string Status { get; init; } = "";
    public List<Event> Timeline { get; init; } = [];
}

sealed record Event
{
    public long Id { get; init; }
    public string? FromStatus { get; init; }
    public string Status { get; init; } = "";
    [System.Text.Json.Serialization.JsonPropertyName("event")] public string? EventText { get; init; }
    public string? Notes { get; init; }
    public string? Location { get; init; }
    public string? RecordedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
