package dev.outpost.r2.storage;

import dev.outpost.r2.model.UploadInfo;
import java.util.List;

/** A page of multipart uploads in progress. */
public record UploadPage(List<UploadInfo> uploads, boolean truncated, String nextKeyMarker, String nextUploadIdMarker) {
}
