using SalesHub.Core.Pipeline;
using SalesHub.Core.Security;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Components.Pipeline;

/// <summary>The default stages seeded into a test database, by English name.</summary>
internal static class SeededStages
{
    public static Dictionary<string, int> Seed(TestDatabase database)
    {
        using (var db = database.CreateWidgetContext(Actor.System))
        {
            PipelineStages.SeedDefaultsAsync(db).GetAwaiter().GetResult();
        }

        return new PipelineStages(database).ListAsync(Actor.System).GetAwaiter().GetResult().ToDictionary(s => s.NameEn, s => s.Id);
    }
}
