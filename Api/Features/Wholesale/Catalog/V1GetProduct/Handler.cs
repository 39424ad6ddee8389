using Api.Features.Wholesale.Catalog.Editing;
using Api.Infrastructure.Database;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Catalog.V1GetProduct;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct) =>
        await new ProductEditor(db).FindAsync(req.Identifier, ct) is { } p ? new Response(p) : ProductEditor.NotFound;
}
