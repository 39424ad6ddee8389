using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Voice.DbStats;

/// <summary>Counts of live customers and those with a phone; five sample phones and usernames, masked (last four characters only).</summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<JsonElement>>
{
    sealed class Row { public long Total { get; init; } public long WithPhone { get; init; } public string[] Phones { get; init; } = []; public string[] Users { get; init; } = []; }

    public async ValueTask<ErrorOr<JsonElement>> Handle(Request req, CancellationToken ct)
    {
        var row = (await db.QueryToListAsync<Row>("""
            select (select count(*) from wholesale.customers where deleted_at is null) as "Total",
                   (select count(*) from wholesale.customers where deleted_at is null and phone is not null) as "WithPhone",
                   array(select phone from wholesale.customers where deleted_at is null and phone is not null order by id desc limit 5) as "Phones",
                   array(select username::text from wholesale.customers where deleted_at is null and username is not null order by id desc limit 5) as "Users"
            """, new { }, ct)).Single();
        return VoiceKit.ToJson(new
        {
            success = true, total_users = row.Total, users_with_phone = row.WithPhone,
            sample_phones = row.Phones.Select(Phones.Mask), sample_usernames = row.Users.Select(MaskName),
        });
    }

    static string MaskName(string u) => u.Length <= 2 ? new string('*', u.Length) : u[0] + new string('*', u.Length - 2) + u[^1];
}
