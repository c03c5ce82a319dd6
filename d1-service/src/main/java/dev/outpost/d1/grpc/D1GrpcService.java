package dev.outpost.d1.grpc;

import dev.outpost.contracts.d1.v1.BookmarkResponse;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.d1.v1.Database;
import dev.outpost.contracts.d1.v1.DatabaseRef;
import dev.outpost.contracts.d1.v1.DeleteDatabaseResponse;
import dev.outpost.contracts.d1.v1.DumpResponse;
import dev.outpost.contracts.d1.v1.ExecRequest;
import dev.outpost.contracts.d1.v1.ExecResponse;
import dev.outpost.contracts.d1.v1.ExportRequest;
import dev.outpost.contracts.d1.v1.ExportResponse;
import dev.outpost.contracts.d1.v1.GetBookmarkRequest;
import dev.outpost.contracts.d1.v1.ImportRequest;
import dev.outpost.contracts.d1.v1.ImportResponse;
import dev.outpost.contracts.d1.v1.ListDatabasesRequest;
import dev.outpost.contracts.d1.v1.ListDatabasesResponse;
import dev.outpost.contracts.d1.v1.QueryRequest;
import dev.outpost.contracts.d1.v1.QueryResponse;
import dev.outpost.contracts.d1.v1.RestoreRequest;
import dev.outpost.contracts.d1.v1.RestoreResponse;
import dev.outpost.contracts.d1.v1.ResultsFormat;
import dev.outpost.contracts.d1.v1.Statement;
import dev.outpost.d1.error.GrpcErrors;
import dev.outpost.d1.model.ExportOptions;
import dev.outpost.d1.model.SqlStatement;
import dev.outpost.d1.service.D1Databases;
import dev.outpost.contracts.d1.v1.D1ServiceGrpc;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * outpost.d1.v1.D1Service: translation only; all behaviour is in {@link D1Databases}. A plain grpc-java service
 * (not the Mutiny one): answers go out through {@link GrpcAnswers}, on the call's event loop in one write.
 */
@GrpcService
public class D1GrpcService extends D1ServiceGrpc.D1ServiceImplBase {

    private final D1Databases d1;

    public D1GrpcService(D1Databases d1) {
        this.d1 = d1;
    }

    @Override
    public void query(QueryRequest req, StreamObserver<QueryResponse> answer) {
        GrpcAnswers.answer(answer, () -> {
            List<SqlStatement> statements = new ArrayList<>(req.getStatementsCount());
            for (Statement s : req.getStatementsList()) {
                statements.add(ProtoMapping.statement(s));
            }
            boolean rows = req.getFormat() != ResultsFormat.RESULTS_FORMAT_NONE;
            List<SqlStatement> run = req.getResultsPerStatement() ? D1Databases.expand(statements) : statements;
            return d1.query(account(req.getDb()), req.getDb().getDatabaseId(), run, rows, req.getSession());
        }, o -> {
            QueryResponse.Builder b = QueryResponse.newBuilder().setBookmark(o.bookmark());
            o.results().forEach(r -> b.addResults(ProtoMapping.result(r)));
            return b.build();
        });
    }

    @Override
    public void exec(ExecRequest req, StreamObserver<ExecResponse> answer) {
        GrpcAnswers.answer(answer, () -> d1.exec(account(req.getDb()), req.getDb().getDatabaseId(), req.getSql()),
                o -> ExecResponse.newBuilder().setCount(o.count()).setDuration(o.durationMs()).build());
    }

    @Override
    public void dump(DatabaseRef req, StreamObserver<DumpResponse> answer) {
        GrpcAnswers.answer(answer, () -> d1.dump(account(req), req.getDatabaseId()), b -> DumpResponse.getDefaultInstance());
    }

    @Override
    public void createDatabase(CreateDatabaseRequest req, StreamObserver<Database> answer) {
        GrpcAnswers.answer(answer, () -> d1.create(req.getCaller().getAccountId(), req.getName(), req.getDatabaseId(),
                req.getPrimaryLocationHint(), req.getJurisdiction()), ProtoMapping::database);
    }

    @Override
    public void getDatabase(DatabaseRef req, StreamObserver<Database> answer) {
        GrpcAnswers.answer(answer, () -> d1.get(account(req), req.getDatabaseId()), ProtoMapping::database);
    }

    @Override
    public void listDatabases(ListDatabasesRequest req, StreamObserver<ListDatabasesResponse> answer) {
        GrpcAnswers.answer(answer, () -> d1.list(req.getCaller().getAccountId(), req.getName(), req.getPage(),
                req.getPerPage(), req.getLocalOnly()), p -> {
            ListDatabasesResponse.Builder b = ListDatabasesResponse.newBuilder().setTotalCount(p.totalCount());
            p.databases().forEach(d -> b.addDatabases(ProtoMapping.database(d)));
            return b.build();
        });
    }

    @Override
    public void deleteDatabase(DatabaseRef req, StreamObserver<DeleteDatabaseResponse> answer) {
        GrpcAnswers.answer(answer, () -> d1.delete(account(req), req.getDatabaseId()),
                v -> DeleteDatabaseResponse.getDefaultInstance());
    }

    @Override
    public void export(ExportRequest req, StreamObserver<ExportResponse> answer) {
        ExportOptions options = new ExportOptions(req.getNoData(), req.getNoSchema(), req.getTablesList());
        Path tmp;
        try {
            tmp = Files.createTempFile("d1-export-", ".sql");
        } catch (IOException e) {
            answer.onError(GrpcErrors.toStatus(e));
            return;
        }
        GrpcAnswers.answer(answer, () -> d1.export(account(req.getDb()), req.getDb().getDatabaseId(), options, tmp)
                .whenComplete((r, e) -> {
                    if (e != null) {
                        tmp.toFile().delete();
                    }
                }), bookmark -> {
            try {
                return ExportResponse.newBuilder().setSql(Files.readString(tmp, StandardCharsets.UTF_8))
                        .setBookmark(bookmark).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                tmp.toFile().delete();
            }
        });
    }

    @Override
    public void import_(ImportRequest req, StreamObserver<ImportResponse> answer) {
        String sql = req.getSql();
        GrpcAnswers.answer(answer, () -> d1.importSql(account(req.getDb()), req.getDb().getDatabaseId(),
                () -> new StringReader(sql)), o -> ImportResponse.newBuilder().setNumQueries(o.numQueries())
                .setFinalBookmark(o.finalBookmark()).setMeta(ProtoMapping.meta(o.meta())).build());
    }

    @Override
    public void getBookmark(GetBookmarkRequest req, StreamObserver<BookmarkResponse> answer) {
        GrpcAnswers.answer(answer, () -> d1.bookmark(account(req.getDb()), req.getDb().getDatabaseId(),
                req.getTimestampMs()), b -> BookmarkResponse.newBuilder().setBookmark(b).build());
    }

    @Override
    public void restore(RestoreRequest req, StreamObserver<RestoreResponse> answer) {
        GrpcAnswers.answer(answer, () -> d1.restore(account(req.getDb()), req.getDb().getDatabaseId(),
                req.getBookmark(), req.getTimestampMs()), o -> RestoreResponse.newBuilder().setBookmark(o.bookmark())
                .setPreviousBookmark(o.previousBookmark()).setMessage(o.message()).build());
    }

    private static String account(DatabaseRef ref) {
        return ref.getCaller().getAccountId();
    }

}
