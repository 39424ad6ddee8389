using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.CallComplete;

/// <summary>The raw body (verified before it is parsed), the signature header and this API's base URL (for table transcripts).</summary>
sealed record Request(string Body, string Signature, string BaseUrl) : IRequest<ErrorOr<JsonElement>>;

/// <summary>The documented fields, parsed only after the signature checks out.</summary>
sealed record Payload
{
    public string? CallId { get; init; }
    public string? Status { get; init; }
    public int? Duration { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Transcript { get; init; }
    public bool? OrderPlaced { get; init; }
    public string? OrderNumber { get; init; }
    public JsonElement? ToolOutputs { get; init; }
    public string? AgentId { get; init; }
    public string? Direction { get; init; }
}
