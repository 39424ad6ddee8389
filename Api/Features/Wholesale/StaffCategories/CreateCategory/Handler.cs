using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.StaffCategories.CreateCategory;

sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string InsertSql = Sql.Load<Handler>("CreateCategory.sql");

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        var name = req.Name!.Trim();
        try
        {
            var created = (await db.QueryToListAsync<Category>(InsertSql,
                new { Name = name, Description = string.IsNullOrWhiteSpace(req.Description) ? null : req.Description.Trim() }, ct)).Single();
            return new Response(true, created);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Error.Conflict("DUPLICATE_CATEGORY", $"A category named '{name}' already exists");
        }
    }
}
