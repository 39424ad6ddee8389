-- Stores an uploaded transactions file; the job is attached right after.
insert into wholesale.sales_imports (uploaded_by, file_name, file_content) values (@StaffId, @FileName, @Content) returning id;
