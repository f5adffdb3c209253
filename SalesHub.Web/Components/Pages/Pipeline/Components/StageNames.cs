using System.Globalization;
using SalesHub.Core.Pipeline;

namespace SalesHub.Web.Components.Pages.Pipeline.Components;

/// <summary>The stages by id, each named in the reader's language.</summary>
public sealed class StageNames(IReadOnlyList<PipelineStageRow> stages)
{
    public static StageNames None { get; } = new([]);

    public IReadOnlyList<PipelineStageRow> All { get; } = stages;

    public IEnumerable<PipelineStageRow> Open => All.Where(s => s.Kind == PipelineStageKind.Open);

    public IEnumerable<PipelineStageRow> Closed => All.Where(s => s.Kind != PipelineStageKind.Open);

    public PipelineStageRow? Find(int id) => All.FirstOrDefault(s => s.Id == id);

    public string this[int? id] => id is { } stageId && Find(stageId) is { } stage ? Name(stage) : "—";

    public static string Name(PipelineStageRow stage) => stage.NameIn(CultureInfo.CurrentUICulture.Name);
}
