using Jour.Core.Staff;
using LiteDB;

namespace Jour.Storage;

// The standby pool's settings: one small document, read when a child client's window is ranked.
public sealed partial class LiteJourStore
{
    private ILiteCollection<PoolSettings> PoolSettingsCollection => _db.GetCollection<PoolSettings>("pool_settings");

    public PoolSettings? LoadPoolSettings() => PoolSettingsCollection.FindById(PoolSettings.SingletonId);

    public void SavePoolSettings(PoolSettings settings) => InTransaction(() => PoolSettingsCollection.Upsert(settings));
}
