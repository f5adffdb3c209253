using Microsoft.EntityFrameworkCore;
using SalesHub.Core.Data;

namespace SalesHub.Core.Customers;

/// <summary>
/// The customer list's one search box, answered from an index of every customer's
/// <see cref="Customer.SearchText"/> instead of reading them all. On SQLite: an FTS5 table with the
/// trigram tokenizer, kept in step with the customers by triggers. It stores each text with a space
/// before and after, so that every piece of two characters starts a three-character piece, and a
/// two-character term (a Chinese name's usual search) is answered from the index's vocabulary; a
/// one-character term reads every search text. On PostgreSQL: a pg_trgm GIN index answering LIKE
/// for terms of three or more characters; shorter terms read the whole index there.
/// </summary>
public static class CustomerSearch
{
    /// <summary>The SQLite full-text table holding each customer's search text under the customer's id.</summary>
    public const string SqliteTable = "CustomerSearch";

    /// <summary>The PostgreSQL trigram index over the customers' search text.</summary>
    public const string PostgresIndex = "IX_Customers_SearchText_Trigram";

    /// <summary>
    /// Creates the SQLite index and its vocabulary, fills it from the existing customers, and adds
    /// the triggers that keep it in step: what the CustomerSearchIndex migration runs (with its own
    /// copy), for databases made without migrations. A change here needs a new migration. A
    /// migration that rebuilds the Customers table drops its triggers and must create them again
    /// (the search contract test of every provider notices).
    /// </summary>
    public static readonly IReadOnlyList<string> SqliteCreate =
    [
        $"CREATE VIRTUAL TABLE \"{SqliteTable}\" USING fts5(\"SearchText\", content='', contentless_delete=1, tokenize='trigram')",
        $"CREATE VIRTUAL TABLE \"{SqliteTable}Terms\" USING fts5vocab(\"{SqliteTable}\", 'row')",
        $"INSERT INTO \"{SqliteTable}\"(rowid, \"SearchText\") SELECT \"Id\", ' ' || \"SearchText\" || ' ' FROM \"Customers\"",
        $"""
        CREATE TRIGGER "{SqliteTable}_Insert" AFTER INSERT ON "Customers" BEGIN
            INSERT INTO "{SqliteTable}"(rowid, "SearchText") VALUES (new."Id", ' ' || new."SearchText" || ' ');
        END
        """,
        $"""
        CREATE TRIGGER "{SqliteTable}_Update" AFTER UPDATE OF "SearchText" ON "Customers" BEGIN
            UPDATE "{SqliteTable}" SET "SearchText" = ' ' || new."SearchText" || ' ' WHERE rowid = new."Id";
        END
        """,
        $"""
        CREATE TRIGGER "{SqliteTable}_Delete" AFTER DELETE ON "Customers" BEGIN
            DELETE FROM "{SqliteTable}" WHERE rowid = old."Id";
        END
        """,
    ];

    private const string Escape = "\\";

    /// <summary>
    /// The customers whose search text contains the search key of <paramref name="search"/> or, when
    /// it reads as a phone number, its digits.
    /// </summary>
    internal static IQueryable<Customer> Matching(SalesHubDbContext db, IQueryable<Customer> customers, string search)
    {
        var key = CustomerMatching.SearchKey(search);
        var digits = CustomerMatching.PhoneDigits(search);
        string[] terms = digits.Length >= 4 && CustomerMatching.IsPhoneLike(search) && digits != key ? [key, digits] : [key];

        if (db.Database.IsSqlite() && terms.All(t => t.EnumerateRunes().Count() >= 2))
        {
            var first = IndexedIds(db, terms[0]);
            if (terms.Length == 1)
            {
                return customers.Where(c => first.Contains(c.Id));
            }

            var second = IndexedIds(db, terms[1]);
            return customers.Where(c => first.Contains(c.Id) || second.Contains(c.Id));
        }

        // LIKE is what the PostgreSQL trigram index answers (from three characters); SQLite reads every text for one character.
        var firstPattern = Containing(terms[0]);
        if (terms.Length == 1)
        {
            return customers.Where(c => EF.Functions.Like(c.SearchText, firstPattern, Escape));
        }

        var secondPattern = Containing(terms[1]);
        return customers.Where(c => EF.Functions.Like(c.SearchText, firstPattern, Escape) || EF.Functions.Like(c.SearchText, secondPattern, Escape));
    }

    /// <summary>
    /// The ids of the customers whose text contains <paramref name="term"/>: a phrase of the trigram
    /// tokenizer matches exactly the texts that contain it; a two-character term becomes the
    /// indexed three-character pieces that start with it ('""' matches nothing when there are none).
    /// </summary>
    private static IQueryable<int> IndexedIds(SalesHubDbContext db, string term)
    {
        if (term.EnumerateRunes().Count() >= 3)
        {
            var phrase = Quoted(term);
            return db.Database.SqlQuery<int>($"""
                SELECT rowid AS "Value" FROM "CustomerSearch" WHERE "CustomerSearch" MATCH {phrase}
                """);
        }

        var end = term + char.ConvertFromUtf32(0x10FFFF);
        return db.Database.SqlQuery<int>($"""
            SELECT rowid AS "Value" FROM "CustomerSearch" WHERE "CustomerSearch" MATCH (
                SELECT coalesce(group_concat('"' || replace(term, '"', '""') || '"', ' OR '), '""')
                FROM "CustomerSearchTerms" WHERE term >= {term} AND term < {end})
            """);
    }

    private static string Quoted(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Containing(string term) =>
        "%" + term.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
