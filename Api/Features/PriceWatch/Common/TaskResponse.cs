namespace Api.Features.PriceWatch.Common;

/// <summary>The documented 202 body of every background task: poll the session by its id.</summary>
sealed record TaskResponse(Guid SessionId, string Status, string Message);
