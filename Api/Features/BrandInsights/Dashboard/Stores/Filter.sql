    from brandinsights.store_snapshot ss
    join brandinsights.stores s on s.id = ss.store_id
    join brandinsights.dispensaries d on d.id = s.dispensary_id
    where ss.brand_id = @BrandId
      and (@Status = 'all' or ss.status = @Status)
      and (@State::text is null or s.state = @State)
      and (@Search::text is null or s.name ilike @Search escape '\' or d.name ilike @Search escape '\')
