using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;

namespace SalesHub.Core.Customers;

/// <summary>
/// The customer list's one search box, answered from an index of every customer's
/// <see cref="Customer.SearchText"/> instead of reading them all: on SQLite an FTS5 table with the
/// trigram tokenizer, kept in step with the customers by triggers; on PostgreSQL a pg_trgm GIN
/// index. Both index three-character pieces, so a term of one or two characters is matched by
/// reading every search text (still right, only slower — and a rep's or manager's own customers
/// are few).
/// </summary>
public static class CustomerSearch
{
    /// <summary>The SQLite full-text table holding each customer's search text under the customer's id.</summary>
    public const string SqliteTable = "CustomerSearch";

    /// <summary>The PostgreSQL trigram index over the customers' search text.</summary>
    public const string PostgresIndex = "IX_Customers_SearchText_Trigram";

    /// <summary>
    /// Creates the SQLite index, fills it from the existing customers, and adds the triggers that
    /// keep it in step. A migration runs these once; a change here needs a new migration. A
    /// migration that rebuilds the Customers table drops its triggers and must run
    /// <see cref="SqliteTriggers"/> again (the search contract test of every provider notices).
    /// </summary>
    public static readonly IReadOnlyList<string> SqliteCreate =
    [
        $"CREATE VIRTUAL TABLE \"{SqliteTable}\" USING fts5(\"SearchText\", content='Customers', content_rowid='Id', tokenize='trigram')",
        $"INSERT INTO \"{SqliteTable}\"(\"{SqliteTable}\") VALUES ('rebuild')",
        .. SqliteTriggers,
    ];

    public static IReadOnlyList<string> SqliteTriggers =>
    [
        $"""
        CREATE TRIGGER "{SqliteTable}_Insert" AFTER INSERT ON "Customers" BEGIN
            INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END
        """,
        $"""
        CREATE TRIGGER "{SqliteTable}_Delete" AFTER DELETE ON "Customers" BEGIN
            INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
        END
        """,
        $"""
        CREATE TRIGGER "{SqliteTable}_Update" AFTER UPDATE OF "SearchText" ON "Customers" BEGIN
            INSERT INTO "{SqliteTable}"("{SqliteTable}", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END
        """,
    ];

    public static readonly IReadOnlyList<string> SqliteDrop =
    [
        $"DROP TRIGGER \"{SqliteTable}_Update\"",
        $"DROP TRIGGER \"{SqliteTable}_Delete\"",
        $"DROP TRIGGER \"{SqliteTable}_Insert\"",
        $"DROP TABLE \"{SqliteTable}\"",
    ];

    private const int IndexedLength = 3;

    /// <summary>
    /// The customers whose search text contains the search key of <paramref name="search"/> or, when
    /// it reads as a phone number, its digits.
    /// </summary>
    internal static IQueryable<Customer> Matching(SalesHubDbContext db, IQueryable<Customer> customers, string search)
    {
        var key = CustomerMatching.SearchKey(search);
        var digits = CustomerMatching.PhoneDigits(search);
        string[] terms = digits.Length >= 4 && CustomerMatching.IsPhoneLike(search) && digits != key ? [key, digits] : [key];

        if (db.Database.IsSqlite() && terms.All(t => t.Length >= IndexedLength))
        {
            // A phrase of the trigram tokenizer matches exactly the texts that contain it.
            var phrases = string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"CustomerSearch\" WHERE \"CustomerSearch\" MATCH {phrases}");
            return customers.Where(c => ids.Contains(c.Id));
        }

        // LIKE is what the PostgreSQL trigram index answers; SQLite reads every text for short terms.
        var first = Containing(terms[0]);
        if (terms.Length == 1)
        {
            return customers.Where(c => EF.Functions.Like(c.SearchText, first, Escape));
        }

        var second = Containing(terms[1]);
        return customers.Where(c => EF.Functions.Like(c.SearchText, first, Escape) || EF.Functions.Like(c.SearchText, second, Escape));
    }

    private const string Escape = "\\";

    private static string Containing(string term) =>
        "%" + term.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
