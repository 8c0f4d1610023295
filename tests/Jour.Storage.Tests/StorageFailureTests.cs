using Jour.Core.Common;
using LiteDB;

namespace Jour.Storage.Tests;

public class StorageFailureTests
{
    [Fact]
    public void WhatLiteDbRaisesReadingGarbage_IsTheFilesFailure_NotAnUnexpectedError()
    {
        // A document of the right length but random bytes, as a damaged page holds: LiteDB raises
        // IndexOutOfRangeException in its own code for this one (seed 1), not a LiteException.
        byte[] garbage = new byte[40];
        new Random(1).NextBytes(garbage);
        garbage[0] = 40;
        garbage[1] = garbage[2] = garbage[3] = 0;
        Exception raised = Assert.ThrowsAny<Exception>(() => BsonSerializer.Deserialize(garbage));
        Assert.IsType<IndexOutOfRangeException>(raised);

        JourException? refusal = StorageFailure.Classify(raised, closedBy: null, "/data");

        Assert.NotNull(refusal);
        Assert.Equal(ErrorCodes.StorageFailed, refusal.Code);
    }

    [Fact]
    public void TheSameExceptionRaisedByJoursOwnCode_StaysABug()
    {
        Exception raised = Assert.ThrowsAny<IndexOutOfRangeException>(() => OwnCode(new int[1], 3));

        Assert.Null(StorageFailure.Classify(raised, closedBy: null, "/data"));
    }

    private static int OwnCode(int[] values, int index) => values[index];
}
