using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.SalesScoring.Recompute;

sealed record Request(long StaffId) : IRequest<ErrorOr<Response>>;

/// <summary>The document's success and message, plus the job's id (pollable at /platform/v1/jobs/{id}).</summary>
sealed record Response(bool Success, string Message, long JobId);
