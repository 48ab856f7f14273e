namespace Dashboard.Grains.Storage;

public static class StateWrites
{
    /// <summary>
    /// Writes the state. A failed write leaves memory ahead of storage, so the activation is dropped
    /// (<paramref name="deactivate"/>) and the next call starts again from what is stored.
    /// </summary>
    public static async Task WriteOrDeactivate<T>(this IPersistentState<T> state, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }
}
