using ErrorOr;
using Mediator;

namespace Api.Features.Platform.Settings.ExportSettings;

/// <summary>No input: exports every setting of the caller's tenant.</summary>
sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(long JobId, string Status, string StatusUrl);
